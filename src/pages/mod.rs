pub mod config_error;
pub mod home;
pub mod journey_detail;
pub mod not_found;
