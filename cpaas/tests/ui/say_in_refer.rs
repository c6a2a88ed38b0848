use cpaas::inboundxml::{Refer, Say};

fn main() {
    let _ = Refer::new().target(Say::new("Transferring you"));
}
