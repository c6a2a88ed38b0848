use cpaas::inboundxml::{Agent, Dial};

fn main() {
    let _ = Dial::new().target(Agent::new("agent-42"));
}
