use cpaas::inboundxml::Dial;

fn main() {
    let _ = Dial::new().target(Dial::new());
}
