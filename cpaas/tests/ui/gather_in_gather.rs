use cpaas::inboundxml::Gather;

fn main() {
    let _ = Gather::new().child(Gather::new());
}
