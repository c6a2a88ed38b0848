use cpaas::inboundxml::{Number, Response};

fn main() {
    let _ = Response::new().verb(Number::new("+15557654321"));
}
