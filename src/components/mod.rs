pub mod action_menu;
pub mod confirm_dialog;
pub mod journey_row;
pub mod quick_actions;
pub mod relative_time;
pub mod reset_demo;
pub mod status_badge;
pub mod toasts;
