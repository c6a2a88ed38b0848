use cpaas::inboundxml::{Connect, Number};

fn main() {
    let _ = Connect::new().target(Number::new("+15557654321"));
}
