//! A snapshot is all there or not there at all. Its bag, archive and record are written beside
//! where they go, under hidden names, and renamed into place only when all three are complete,
//! the record last (it is what marks a label as used). On any failure, a full disk say, every
//! file written so far is removed and the label stays free.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Where a snapshot's bytes go: the disk, or in tests a disk that fills up part-way.
pub trait Disk {
    /// Creates a new file at `path` and writes it with `fill`, durably.
    fn write(
        &self,
        path: &Path,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()>;
}

/// The computer's own disk.
pub struct RealDisk;

impl Disk for RealDisk {
    fn write(
        &self,
        path: &Path,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut writer = BufWriter::new(fs::File::create_new(path)?);
        fill(&mut writer)?;
        writer.into_inner().map_err(|e| e.into_error())?.sync_all()
    }
}

/// The hidden name beside `target` that its bytes are written under first.
fn partial(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.partial-{}", std::process::id()))
}

/// The snapshot's files, staged: each target with the hidden name it is being written under.
pub struct Staging {
    /// (hidden name, target), in the order they are put in place.
    moves: Vec<(PathBuf, PathBuf)>,
    /// Folders this snapshot created, removed again if it fails and they are empty.
    created: Vec<PathBuf>,
}

impl Staging {
    /// Stages `targets`, put in place in this order; the folders they go in are created.
    pub fn new(targets: &[&Path]) -> io::Result<Staging> {
        let mut staging = Staging {
            moves: targets
                .iter()
                .map(|t| (partial(t), t.to_path_buf()))
                .collect(),
            created: Vec::new(),
        };
        for target in targets {
            let parent = target.parent().unwrap_or(Path::new("."));
            if !parent.exists() {
                let result = fs::create_dir_all(parent);
                staging.created.push(parent.to_path_buf());
                result.inspect_err(|_| staging.abandon(0))?;
            }
        }
        Ok(staging)
    }

    /// The hidden name the `index`th target is written under.
    pub fn path(&self, index: usize) -> &Path {
        &self.moves[index].0
    }

    /// Puts every staged file in place, or, if one cannot be, removes them all.
    pub fn put_in_place(mut self) -> io::Result<()> {
        for (done, (hidden, target)) in self.moves.iter().enumerate() {
            let moved = if target.exists() {
                Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{} appeared while the snapshot was written",
                        target.display()
                    ),
                ))
            } else {
                fs::rename(hidden, target)
            };
            if let Err(error) = moved {
                self.abandon(done);
                return Err(error);
            }
        }
        self.moves.clear();
        self.created.clear();
        Ok(())
    }

    /// Removes what was written: the first `placed` targets (already renamed) and every hidden
    /// file, then the folders this snapshot created if they are empty.
    pub fn abandon(&mut self, placed: usize) {
        for (i, (hidden, target)) in self.moves.iter().enumerate() {
            remove(hidden);
            if i < placed {
                remove(target);
            }
        }
        for folder in self.created.iter().rev() {
            let _ = fs::remove_dir(folder);
        }
        self.moves.clear();
        self.created.clear();
    }
}

/// A staging dropped before it was put in place (an error returned early) removes its files.
impl Drop for Staging {
    fn drop(&mut self) {
        self.abandon(0);
    }
}

/// Removes a file or folder if it is there; a failure here leaves a hidden name only.
fn remove(path: &Path) {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => drop(fs::remove_dir_all(path)),
        Ok(_) => drop(fs::remove_file(path)),
        Err(_) => {}
    }
}
