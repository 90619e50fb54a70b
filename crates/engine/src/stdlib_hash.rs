//! The bundle's name from its fingerprint (64-bit FNV-1a), shared by the build script, which
//! names the bundle, and the engine, which checks a fetched bundle against that name.

/// `stdlib-<fingerprint>.bin`.
pub fn bundle_name(bytes: &[u8]) -> String {
    format!("stdlib-{:016x}.bin", fingerprint(bytes))
}

const fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}
