use cpaas::inboundxml::{Dial, Sip};

fn main() {
    let _ = Dial::new().number(Sip::new("sip:alice@example.com"));
}
