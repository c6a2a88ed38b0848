use cpaas::inboundxml::{Dial, Gather};

fn main() {
    let _ = Gather::new().child(Dial::new().text("+15557654321"));
}
