//! The in-memory file system snippets see through `open()` and `os`. Sample data files are
//! built once per process and shared, the first time a snippet names their folder; files a
//! snippet writes live until the run ends.
//! Files are disk, not memory: their contents are kept with the meter paused (see
//! shims/vfs.rs), so they do not count in a run's figures, and the file system has its own
//! quota, `FILE_QUOTA`: past it, a write fails with ENOSPC as a full disk would.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use memplay_model::{SAMPLE_FILES, wants_sample_files};

/// Where a sample file is, relative to the working directory.
fn sample_path(name: &str) -> String {
    format!("data/{name}")
}

/// The snippet's working directory: relative paths resolve here.
pub const CWD: &str = "/sandbox";

/// Bytes the files a run writes may hold in all.
pub const FILE_QUOTA: usize = 128 << 20;

#[derive(Clone)]
enum Contents {
    Shared(&'static [u8]),
    Owned(Vec<u8>),
}

impl Contents {
    fn bytes(&self) -> &[u8] {
        match self {
            Contents::Shared(b) => b,
            Contents::Owned(v) => v,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VfsError {
    NotFound,
    IsADirectory,
    NotADirectory,
    Exists,
    NotEmpty,
    NoSpace,
}

impl VfsError {
    /// The errno CPython would report.
    pub fn errno(&self) -> i32 {
        match self {
            VfsError::NotFound => 2,
            VfsError::Exists => 17,
            VfsError::NotADirectory => 20,
            VfsError::IsADirectory => 21,
            VfsError::NotEmpty => 39,
            VfsError::NoSpace => 28,
        }
    }

    pub fn message(&self) -> &'static str {
        match self {
            VfsError::NotFound => "No such file or directory",
            VfsError::Exists => "File exists",
            VfsError::NotADirectory => "Not a directory",
            VfsError::IsADirectory => "Is a directory",
            VfsError::NotEmpty => "Directory not empty",
            VfsError::NoSpace => "No space left on device",
        }
    }
}

pub struct Vfs {
    files: BTreeMap<String, Contents>,
    dirs: BTreeMap<String, ()>,
}

/// Sample files every run starts with, as (path relative to the working directory, bytes).
fn samples() -> &'static [(String, Vec<u8>)] {
    static SAMPLES: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    SAMPLES.get_or_init(|| SAMPLE_FILES.iter().map(|(name, make)| (sample_path(name), make())).collect())
}

/// Makes `path` absolute and normal (no `.`, `..` or doubled slashes).
pub fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let joined;
    let full = if path.starts_with('/') {
        path
    } else {
        joined = format!("{CWD}/{path}");
        &joined
    };
    for part in full.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) | None => "/",
        Some(i) => &path[..i],
    }
}

impl Default for Vfs {
    fn default() -> Self {
        Self::new()
    }
}

impl Vfs {
    /// The file system `code` starts with: the sample files only when it names their folder,
    /// the rule the CPython check follows too (`wants_sample_files`). They are 7 MB, built
    /// the first time a process needs them: a worker that never runs such a snippet neither
    /// builds nor holds them.
    pub fn for_snippet(code: &str) -> Self {
        if wants_sample_files(code) { Self::new() } else { Self::empty() }
    }

    /// The working directory and nothing in it.
    pub fn empty() -> Self {
        let mut vfs = Self { files: BTreeMap::new(), dirs: BTreeMap::new() };
        for dir in ["/", "/tmp", CWD] {
            vfs.dirs.insert(dir.to_owned(), ());
        }
        vfs
    }

    /// A file system holding the working directory and the sample files.
    pub fn new() -> Self {
        let mut vfs = Self::empty();
        for (path, bytes) in samples() {
            let path = normalize(path);
            vfs.dirs.insert(parent(&path).to_owned(), ());
            vfs.files.insert(path, Contents::Shared(bytes));
        }
        vfs
    }

    pub fn is_dir(&self, path: &str) -> bool {
        self.dirs.contains_key(&normalize(path))
    }

    pub fn size(&self, path: &str) -> Option<usize> {
        self.files.get(&normalize(path)).map(|c| c.bytes().len())
    }

    /// Up to `n` bytes from `offset`.
    pub fn read(&self, path: &str, offset: usize, n: usize) -> Result<&[u8], VfsError> {
        let path = normalize(path);
        match self.files.get(&path) {
            Some(c) => {
                let b = c.bytes();
                let start = offset.min(b.len());
                Ok(&b[start..start.saturating_add(n).min(b.len())])
            }
            None if self.dirs.contains_key(&path) => Err(VfsError::IsADirectory),
            None => Err(VfsError::NotFound),
        }
    }

    /// Creates the file, or empties it when `truncate`.
    pub fn create(&mut self, path: &str, truncate: bool) -> Result<(), VfsError> {
        let path = normalize(path);
        if self.dirs.contains_key(&path) {
            return Err(VfsError::IsADirectory);
        }
        if !self.dirs.contains_key(parent(&path)) {
            return Err(VfsError::NotFound);
        }
        if truncate || !self.files.contains_key(&path) {
            self.files.insert(path, Contents::Owned(Vec::new()));
        }
        Ok(())
    }

    /// Bytes held by the files written so far (the sample files are shared, not held).
    pub fn held(&self) -> usize {
        self.files.values().map(|c| if let Contents::Owned(v) = c { v.len() } else { 0 }).sum()
    }

    /// Writes `data` at `offset`, growing the file as needed; past `FILE_QUOTA` nothing is
    /// written and the error is ENOSPC.
    pub fn write(&mut self, path: &str, offset: usize, data: &[u8]) -> Result<(), VfsError> {
        let path = normalize(path);
        let held = self.held();
        let entry = self.files.get(&path).ok_or(VfsError::NotFound)?;
        let (len, shared) = match entry {
            Contents::Shared(b) => (b.len(), b.len()),
            Contents::Owned(v) => (v.len(), 0),
        };
        let grows = shared + offset.saturating_add(data.len()).saturating_sub(len);
        if held.saturating_add(grows) > FILE_QUOTA {
            return Err(VfsError::NoSpace);
        }
        let entry = self.files.get_mut(&path).ok_or(VfsError::NotFound)?;
        if let Contents::Shared(b) = entry {
            *entry = Contents::Owned(b.to_vec());
        }
        let Contents::Owned(v) = entry else { unreachable!("made owned above") };
        let end = offset + data.len();
        if v.len() < end {
            v.resize(end, 0);
        }
        v[offset..end].copy_from_slice(data);
        Ok(())
    }

    pub fn remove(&mut self, path: &str) -> Result<(), VfsError> {
        let path = normalize(path);
        if self.dirs.contains_key(&path) {
            return Err(VfsError::IsADirectory);
        }
        self.files.remove(&path).map(|_| ()).ok_or(VfsError::NotFound)
    }

    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), VfsError> {
        let (from, to) = (normalize(from), normalize(to));
        if !self.dirs.contains_key(parent(&to)) {
            return Err(VfsError::NotFound);
        }
        let c = self.files.remove(&from).ok_or(VfsError::NotFound)?;
        self.files.insert(to, c);
        Ok(())
    }

    pub fn mkdir(&mut self, path: &str) -> Result<(), VfsError> {
        let path = normalize(path);
        if self.dirs.contains_key(&path) || self.files.contains_key(&path) {
            return Err(VfsError::Exists);
        }
        if !self.dirs.contains_key(parent(&path)) {
            return Err(VfsError::NotFound);
        }
        self.dirs.insert(path, ());
        Ok(())
    }

    pub fn rmdir(&mut self, path: &str) -> Result<(), VfsError> {
        let path = normalize(path);
        if !self.dirs.contains_key(&path) {
            return Err(if self.files.contains_key(&path) { VfsError::NotADirectory } else { VfsError::NotFound });
        }
        if !self.list(&path)?.is_empty() {
            return Err(VfsError::NotEmpty);
        }
        self.dirs.remove(&path);
        Ok(())
    }

    /// Names directly inside a directory.
    pub fn list(&self, path: &str) -> Result<Vec<String>, VfsError> {
        let path = normalize(path);
        if !self.dirs.contains_key(&path) {
            return Err(if self.files.contains_key(&path) { VfsError::NotADirectory } else { VfsError::NotFound });
        }
        let prefix = if path == "/" { "/".to_owned() } else { format!("{path}/") };
        let children = self.files.keys().chain(self.dirs.keys());
        let mut names: Vec<String> = children
            .filter_map(|p| p.strip_prefix(&prefix))
            .filter(|rest| !rest.is_empty() && !rest.contains('/'))
            .map(str::to_owned)
            .collect();
        names.sort();
        names.dedup();
        Ok(names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_quota_a_write_is_enospc_and_changes_nothing() {
        let mut vfs = Vfs::new();
        vfs.create("big.bin", true).unwrap();
        vfs.write("big.bin", 0, &vec![1u8; FILE_QUOTA - 10]).unwrap();
        assert_eq!(vfs.held(), FILE_QUOTA - 10);
        vfs.create("small.bin", true).unwrap();
        assert_eq!(vfs.write("small.bin", 0, &[0u8; 11]), Err(VfsError::NoSpace));
        assert_eq!(vfs.size("small.bin"), Some(0));
        vfs.write("small.bin", 0, &[0u8; 10]).unwrap();
        vfs.remove("big.bin").unwrap();
        assert_eq!(vfs.held(), 10, "removing a file frees its space");
        assert_eq!(VfsError::NoSpace.errno(), 28);
    }

    #[test]
    fn paths_normalize_against_the_working_directory() {
        assert_eq!(normalize("data/x.txt"), "/sandbox/data/x.txt");
        assert_eq!(normalize("./a/../b"), "/sandbox/b");
        assert_eq!(normalize("/etc//passwd"), "/etc/passwd");
        assert_eq!(normalize("../../.."), "/");
    }

    #[test]
    fn samples_are_present() {
        let vfs = Vfs::new();
        assert!(vfs.size("data/server.log").unwrap() > 1_000_000);
        assert_eq!(vfs.list("data").unwrap(), ["README.txt", "measurements.csv", "server.log"]);
        assert_eq!(vfs.list(".").unwrap(), ["data"]);
    }

    #[test]
    fn only_a_snippet_that_names_the_folder_gets_the_samples() {
        assert_eq!(Vfs::for_snippet("print(open('data/README.txt').read())").list(".").unwrap(), ["data"]);
        let bare = Vfs::for_snippet("x = [1, 2, 3]");
        assert_eq!(bare.list(".").unwrap(), Vec::<String>::new());
        assert_eq!(bare.size("data/server.log"), None);
    }

    #[test]
    fn write_read_rename_remove() {
        let mut vfs = Vfs::new();
        vfs.create("out.txt", true).unwrap();
        vfs.write("out.txt", 0, b"hello").unwrap();
        vfs.write("out.txt", 5, b" world").unwrap();
        assert_eq!(vfs.read("out.txt", 0, 100).unwrap(), b"hello world");
        assert_eq!(vfs.read("out.txt", 6, 3).unwrap(), b"wor");
        vfs.rename("out.txt", "/tmp/o.txt").unwrap();
        assert_eq!(vfs.read("out.txt", 0, 1), Err(VfsError::NotFound));
        vfs.remove("/tmp/o.txt").unwrap();
        assert_eq!(vfs.size("/tmp/o.txt"), None);
    }

    #[test]
    fn writing_a_sample_copies_it_and_leaves_the_shared_one() {
        let mut vfs = Vfs::new();
        vfs.write("data/README.txt", 0, b"X").unwrap();
        assert_eq!(vfs.read("data/README.txt", 0, 1).unwrap(), b"X");
        assert_ne!(Vfs::new().read("data/README.txt", 0, 1).unwrap(), b"X");
    }

    #[test]
    fn errors_match_posix() {
        let mut vfs = Vfs::new();
        assert_eq!(vfs.read("/etc/passwd", 0, 1).unwrap_err().errno(), 2);
        assert_eq!(vfs.read("data", 0, 1), Err(VfsError::IsADirectory));
        assert_eq!(vfs.create("nodir/x", true), Err(VfsError::NotFound));
        assert_eq!(vfs.mkdir("data"), Err(VfsError::Exists));
        assert_eq!(vfs.rmdir("data"), Err(VfsError::NotEmpty));
        vfs.mkdir("empty").unwrap();
        vfs.rmdir("empty").unwrap();
    }
}
