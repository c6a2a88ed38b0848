//! How the programs end: `error: <message>` and its causes on stderr, and a non-zero exit
//! status, never a `Debug` dump.

use std::process::ExitCode;

/// Ends a program: success, or `error: <Display>` followed by one `caused by: <Display>`
/// line per source in the error's chain, and exit status 1.
///
/// ```
/// let failed: Result<(), sdk_core::Error> =
///     Err(sdk_core::Error::invalid_input("AXP_ACCOUNT_ID", "required with AXP_BASE_URL"));
/// assert_eq!(examples::exit_code(failed), std::process::ExitCode::FAILURE);
/// ```
pub fn exit_code<E>(result: Result<(), E>) -> ExitCode
where
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", describe(&*e.into()));
            ExitCode::FAILURE
        }
    }
}

/// `error: <e>` and a `caused by:` line per source.
pub fn describe(e: &dyn std::error::Error) -> String {
    let mut out = format!("error: {e}");
    let mut source = e.source();
    while let Some(cause) = source {
        out.push_str(&format!("\n  caused by: {cause}"));
        source = cause.source();
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_message_names_the_variable_and_its_causes() {
        let e = sdk_core::Error::invalid_input("AXP_ACCOUNT_ID", "required with AXP_BASE_URL");
        let text = super::describe(&e);
        assert!(text.starts_with("error: "), "{text}");
        assert!(text.contains("AXP_ACCOUNT_ID"), "{text}");
        let io = std::io::Error::other("disk full");
        let wrapped = std::io::Error::other(Wrap(io));
        assert!(super::describe(&wrapped).contains("caused by: disk full"));
    }

    #[derive(Debug)]
    struct Wrap(std::io::Error);

    impl std::fmt::Display for Wrap {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("could not write the report")
        }
    }

    impl std::error::Error for Wrap {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }
}
