//! Random bearer secrets (session cookies, API tokens) and their stored form.
//! They carry 256 bits of entropy, so a fast SHA-256 is the right hash: there
//! is nothing to brute-force, and lookups stay an indexed equality.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A fresh random secret: 32 bytes, base64url without padding (43 characters).
pub fn generate() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored for a secret: its SHA-256, hex-encoded.
pub fn digest(secret: &str) -> String {
    let hash = Sha256::digest(secret.as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `value` could be a secret from [`generate`] (cheap pre-check
/// before a database lookup, and a bound on what gets hashed).
pub fn looks_valid(value: &str) -> bool {
    value.len() == 43
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_unique_and_well_formed() {
        let a = generate();
        assert!(looks_valid(&a));
        assert_ne!(a, generate());
        assert!(!looks_valid("short"));
        assert!(!looks_valid(&"!".repeat(43)));
        assert_eq!(digest("abc").len(), 64);
        assert_eq!(
            digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
