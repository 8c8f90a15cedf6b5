fn main() {
    journey_console::start();
}
