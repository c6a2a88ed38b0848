use cpaas::inboundxml::Sms;

fn main() {
    let _ = Sms::new("+15557654321", "Hello");
}
