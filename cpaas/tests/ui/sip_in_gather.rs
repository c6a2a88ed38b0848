use cpaas::inboundxml::{Gather, Sip};

fn main() {
    let _ = Gather::new().child(Sip::new("sip:alice@example.com"));
}
