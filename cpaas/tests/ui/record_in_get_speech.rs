use cpaas::inboundxml::{GetSpeech, Record};

fn main() {
    let _ = GetSpeech::new("https://example.com/grammar.grxml").child(Record::new());
}
