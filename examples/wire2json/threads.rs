//! How the threads of the pool are set up (Linux only; elsewhere nothing is
//! done): each worker gets a file descriptor table of its own, and, when
//! the pool has one thread for every CPU the process may run on, each
//! thread gets a CPU of its own.
//!
//! Both change only where and how the work runs, never what it gives:
//! `tests/cli.rs` compares the output of every `--jobs` with `--jobs 1`.

/// The CPU of each thread of the pool, by its index (0 is the main
/// thread), or no CPUs when the threads are left to the scheduler.
pub struct Placement {
    cpus: Vec<usize>,
}

impl Placement {
    /// Plans a pool of `threads` threads.
    ///
    /// The threads are pinned only when there are as many of them as CPUs
    /// the process may run on (its affinity mask, which `taskset` and
    /// cpusets set), as with the default `--jobs`. On a 2-CPU machine the
    /// scheduler would otherwise, in about half of the runs, put both
    /// threads on one CPU for the first 10 to 15 ms (the other one stayed
    /// idle), which slowed `--jobs 2` by up to 10% (`benches/NOTES.md`).
    /// With fewer threads than CPUs, pinning could keep a thread on a
    /// busy CPU while another is idle, so the scheduler places them.
    pub fn plan(threads: usize) -> Placement {
        Placement {
            cpus: if threads > 1 {
                sys::cpus_for(threads).unwrap_or_default()
            } else {
                Vec::new()
            },
        }
    }

    /// Pins the calling thread, the main thread, to its CPU: call it
    /// before the pool is built, so that the workers start elsewhere.
    pub fn place_main_thread(&self) {
        if let Some(&cpu) = self.cpus.first() {
            sys::pin(cpu);
        }
    }

    /// What worker `index` (1 and up) does when it starts: it takes its
    /// CPU, if the threads are pinned, and a descriptor table of its own.
    pub fn start_worker(&self, index: usize) {
        if let Some(&cpu) = self.cpus.get(index) {
            sys::pin(cpu);
        }
        sys::own_file_table();
    }
}

#[cfg(target_os = "linux")]
mod sys {
    use nix::sched::{CloneFlags, CpuSet, sched_getaffinity, sched_getcpu, sched_setaffinity};
    use nix::unistd::Pid;

    /// The CPUs for `threads` threads, if the process may run on exactly
    /// that many: first the one the main thread is on (so it does not
    /// move), then the others in order.
    pub fn cpus_for(threads: usize) -> Option<Vec<usize>> {
        let allowed = sched_getaffinity(Pid::from_raw(0)).ok()?;
        let mut cpus: Vec<usize> = (0..CpuSet::count())
            .filter(|&cpu| allowed.is_set(cpu).unwrap_or(false))
            .collect();
        if cpus.len() != threads {
            return None;
        }
        if let Some(at) = sched_getcpu()
            .ok()
            .and_then(|now| cpus.iter().position(|&c| c == now))
        {
            cpus[..=at].rotate_right(1);
        }
        Some(cpus)
    }

    /// Pins the calling thread to `cpu`. If that fails, the thread stays
    /// where the scheduler puts it.
    pub fn pin(cpu: usize) {
        let mut set = CpuSet::new();
        if set.set(cpu).is_ok() {
            let _ = sched_setaffinity(Pid::from_raw(0), &set);
        }
    }

    /// Gives the calling thread a file descriptor table of its own: a copy
    /// of the process's, so every descriptor stays valid.
    ///
    /// Threads that share one table pay for it on every file: `open` and
    /// `close` take the table's lock, and `read` takes a reference to the
    /// file, which a thread alone in its table skips. Two threads opening
    /// and closing 20,000 files contend on that lock; with a table each,
    /// `--jobs 2` used 3 to 8% less CPU time (`benches/NOTES.md`).
    ///
    /// This is sound here because a worker gets it when it starts, before
    /// it runs any task, and a task opens, reads and closes its files on
    /// its own thread: no descriptor goes from thread to thread, and
    /// standard input, output and error are the same in every copy. If the
    /// kernel refuses (a sandbox may), the thread keeps the shared table.
    pub fn own_file_table() {
        let _ = nix::sched::unshare(CloneFlags::CLONE_FILES);
    }
}

#[cfg(not(target_os = "linux"))]
mod sys {
    pub fn cpus_for(_threads: usize) -> Option<Vec<usize>> {
        None
    }

    pub fn pin(_cpu: usize) {}

    pub fn own_file_table() {}
}
