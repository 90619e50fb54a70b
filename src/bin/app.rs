//! The playground page.

fn main() {
    memplay::ui::start();
}
