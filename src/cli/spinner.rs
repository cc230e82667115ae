//! Something to watch on the terminal while a long build runs.

use std::time::Instant;

/// A spinner on the terminal while a build takes more than a moment: it appears after 300 ms,
/// only when standard error is a terminal and `--quiet` was not given, and clears itself.
pub struct Spinner {
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Spinner {
    pub fn start(what: &'static str, quiet: bool) -> Spinner {
        use std::io::IsTerminal;
        use std::sync::atomic::Ordering;
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let thread = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let done = done.clone();
            std::thread::spawn(move || {
                let started = Instant::now();
                let frames = ['|', '/', '-', '\\'];
                let mut shown = false;
                for frame in frames.iter().cycle() {
                    if done.load(Ordering::Relaxed) {
                        break;
                    }
                    if started.elapsed() > std::time::Duration::from_millis(300) {
                        eprint!(
                            "\r{frame} {what}… {:.1} s ",
                            started.elapsed().as_secs_f32()
                        );
                        shown = true;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                if shown {
                    eprint!("\r{}\r", " ".repeat(what.len() + 16));
                }
            })
        });
        Spinner { done, thread }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        self.done.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
