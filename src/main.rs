//! The `aiopy` command: run a file, a `-c` string, a program on stdin, or
//! the REPL; `--dis` prints bytecode.

// Linux/glibc: the C `main` below is the entry point, not Rust's runtime
// start-up (see there).
#![cfg_attr(all(target_os = "linux", target_env = "gnu"), no_main)]

use std::io::{IsTerminal, Read};

use aiopy::{Config, Vm};

mod main_arena;
mod main_stack;

/// mimalloc instead of glibc malloc: faster small-object paths (see
/// Cargo.toml), and no per-thread glibc arena growing by one mprotect per
/// page on the 1 GiB interpreter thread.
#[global_allocator]
static GLOBAL: CompactAlloc = CompactAlloc;

/// mimalloc, with "medium" sizes (8 KiB < size <= 128 KiB) rounded up to
/// a power of two.
///
/// mimalloc gives each size class of that range its own 512 KiB page, and
/// the start-up allocations of that range (hash tables of the intern table
/// and of type lookups, attribute caches, frame and value stacks) were of
/// as many size classes as allocations: a page each, each touched for a
/// few kilobytes. With transparent huge pages (mimalloc madvises its
/// arena) every 2 MiB region touched is zeroed whole (~0.3 ms here), so
/// that spread cost a huge page or two per run. Four classes instead of
/// ~20: `-c pass` touches 2 huge pages instead of 3-4, the issue-4 import
/// line 3 instead of 5-6 (notes/perf.md). Only address space is rounded:
/// pages of a block that are never written are never touched.
struct CompactAlloc;

extern "C" {
    /// mimalloc's `mi_collect` (compiled into the static library the
    /// `mimalloc` crate links; its Rust binding is behind a feature).
    fn mi_collect(force: bool);
}

/// `runtime::heap::release_freed_memory`: a forced collect purges the
/// freed blocks mimalloc would otherwise return after a delay, and only
/// when a later large block is freed (measured: the slot table's old copy
/// stayed resident, 13 MB of micro_parked's 100 000 tasks, in most runs).
fn release_freed() {
    // SAFETY: `mi_collect` takes no pointers; it walks this thread's
    // mimalloc heap, the allocator all of the program's memory comes from.
    unsafe { mi_collect(true) }
}

#[inline(always)]
fn compact_size(size: usize) -> usize {
    if size > 8 * 1024 && size <= 128 * 1024 {
        size.next_power_of_two()
    } else {
        size
    }
}

// SAFETY: forwards to mimalloc with the same alignment and a size at least
// the one asked for; a block is freed by mimalloc whatever size it was
// allocated with (`mi_free` ignores the layout's size).
unsafe impl std::alloc::GlobalAlloc for CompactAlloc {
    #[inline]
    unsafe fn alloc(&self, l: std::alloc::Layout) -> *mut u8 {
        mimalloc::MiMalloc.alloc(std::alloc::Layout::from_size_align_unchecked(compact_size(l.size()), l.align()))
    }
    #[inline]
    unsafe fn alloc_zeroed(&self, l: std::alloc::Layout) -> *mut u8 {
        mimalloc::MiMalloc.alloc_zeroed(std::alloc::Layout::from_size_align_unchecked(compact_size(l.size()), l.align()))
    }
    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, l: std::alloc::Layout) {
        mimalloc::MiMalloc.dealloc(p, l)
    }
    #[inline]
    unsafe fn realloc(&self, p: *mut u8, l: std::alloc::Layout, new_size: usize) -> *mut u8 {
        mimalloc::MiMalloc.realloc(p, l, compact_size(new_size))
    }
}

const USAGE: &str = "usage: aiopy [option] ... [-c cmd | file | -] [arg] ...
Options:
  -c cmd          program passed in as string
  --dis FILE      print the bytecode of FILE and exit
  --virtual-clock deterministic time: timers fire instantly in order
  --seed N        seed the random module with N
  --version       print the version and exit
  -h, --help      print this help and exit
";

/// The interpreter's stack (`main_stack`): Python calls do not use it, but
/// native re-entries (`__repr__`, `sorted(key=...)`) and deep ASTs do.
const STACK_SIZE: usize = 1 << 30;

/// The process entry point on Linux/glibc, in place of Rust's runtime
/// start-up (`lang_start`). That start-up found the main thread's stack
/// guard with `pthread_getattr_np`, which parses /proc/self/maps (~120k
/// instructions and 7 system calls, 6% of `-c pass`), and set up an
/// alternate signal stack with SIGSEGV/SIGBUS handlers to report stack
/// overflows: none of it applies, the interpreter runs on a stack of its
/// own (`main_stack`). What it did that a Python program can observe is
/// done here: SIGPIPE ignored (as CPython does: writing to a closed pipe is
/// an `EPIPE` error, not death by signal) and closed descriptors 0-2
/// opened on /dev/null. `std::env::args` still works (glibc hands the
/// arguments to std's `.init_array` hook); `process::exit` flushes std's
/// stdout as returning from Rust's `main` did.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[no_mangle]
pub extern "C" fn main(_argc: libc::c_int, _argv: *const *const libc::c_char) -> libc::c_int {
    // Before anything allocates.
    main_arena::reserve();
    // SAFETY: setting a signal's disposition to SIG_IGN, before any other
    // thread exists.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
    open_closed_std_fds();
    // A panic must not unwind out of an `extern "C"` function (it would
    // abort); Rust's start-up reported it and exited with 101.
    let code = std::panic::catch_unwind(aiopy_main).unwrap_or(101);
    std::process::exit(code as i32)
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn main() -> std::process::ExitCode {
    main_arena::reserve();
    std::process::ExitCode::from(aiopy_main())
}

/// Descriptors 0, 1 and 2 that are closed are opened on /dev/null, as
/// Rust's start-up did, so a file the program opens never becomes stdout.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn open_closed_std_fds() {
    let mut fds = [0, 1, 2].map(|fd| libc::pollfd { fd, events: 0, revents: 0 });
    // SAFETY: `fds` is a valid array of 3 pollfd for the call's duration.
    if unsafe { libc::poll(fds.as_mut_ptr(), 3, 0) } < 0 {
        return;
    }
    for p in fds {
        if p.revents & libc::POLLNVAL != 0 {
            // SAFETY: a NUL-terminated path; the lowest free descriptor,
            // which is `p.fd` since the lower ones are open by now.
            unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) };
        }
    }
}

fn aiopy_main() -> u8 {
    aiopy::runtime::heap::set_release_freed(release_freed);
    let args: Vec<String> = std::env::args().collect();
    let result = match main_stack::run_on_big_stack(STACK_SIZE, move || run(args)) {
        Ok(r) => Ok(r),
        Err(f) => std::thread::Builder::new().stack_size(STACK_SIZE).spawn(f).map(|h| h.join()),
    };
    match result {
        Ok(Ok(code)) => code as u8,
        _ => 70,
    }
}

fn run(args: Vec<String>) -> i32 {
    let mut config = Config::default();
    let mut i = 1;
    let mut command: Option<String> = None;
    let mut file: Option<String> = None;
    let mut dis: Option<String> = None;
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "--virtual-clock" => config.virtual_clock = true,
            "--seed" => {
                i += 1;
                match args.get(i).and_then(|s| s.parse::<u64>().ok()) {
                    Some(n) => config.seed = Some(n),
                    None => {
                        eprint!("aiopy: --seed needs an integer\n{}", USAGE);
                        return 2;
                    }
                }
            }
            "--version" | "-V" => {
                println!("aiopy {} (Python 3.11 compatible)", env!("CARGO_PKG_VERSION"));
                return 0;
            }
            "-h" | "--help" => {
                print!("{}", USAGE);
                return 0;
            }
            "--dis" => {
                i += 1;
                match args.get(i) {
                    Some(f) => dis = Some(f.clone()),
                    None => {
                        eprint!("aiopy: --dis needs a file\n{}", USAGE);
                        return 2;
                    }
                }
            }
            "-c" => {
                i += 1;
                match args.get(i) {
                    Some(c) => {
                        command = Some(c.clone());
                        config.argv = std::iter::once("-c".to_string()).chain(args[i + 1..].iter().cloned()).collect();
                    }
                    None => {
                        eprint!("Argument expected for the -c option\n{}", USAGE);
                        return 2;
                    }
                }
                break;
            }
            "-u" | "-B" | "-E" | "-s" | "-S" => {}
            "-X" => {
                // `-X importtime` is honoured; other -X options are accepted and ignored.
                i += 1;
                if args.get(i).map(String::as_str) == Some("importtime") {
                    config.import_time = true;
                }
            }
            s if s.starts_with('-') && s != "-" => {
                eprint!("unknown option {}\n{}", s, USAGE);
                return 2;
            }
            _ => {
                file = Some(a.clone());
                config.argv = args[i..].to_vec();
                break;
            }
        }
        i += 1;
    }
    if let Some(path) = dis {
        return disassemble(&path);
    }
    if let Some(code) = command {
        config.script_dir = String::new();
        run_and_exit(config, &code, "<string>");
    }
    match file {
        Some(path) if path != "-" => {
            let bytes = match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) => {
                    let errno = e.raw_os_error().unwrap_or(2);
                    let msg = match e.kind() {
                        std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                        std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
                        _ => e.to_string(),
                    };
                    let prog = std::env::args().next().unwrap_or_else(|| "aiopy".into());
                    eprintln!("{}: can't open file '{}': [Errno {}] {}", prog, path, errno, msg);
                    return 2;
                }
            };
            let abs = std::fs::canonicalize(&path).ok();
            config.script_dir = abs.as_ref().and_then(|p| p.parent()).map(|p| p.to_string_lossy().to_string()).unwrap_or_default();
            let text = match decode_source(&bytes, &path) {
                Ok(t) => t,
                Err(msg) => {
                    eprintln!("{}", msg);
                    return 1;
                }
            };
            run_and_exit(config, &text, &path)
        }
        _ => {
            if std::io::stdin().is_terminal() && file.is_none() {
                return aiopy::repl::run(config);
            }
            let mut bytes = Vec::new();
            let _ = std::io::stdin().read_to_end(&mut bytes);
            if config.argv.is_empty() {
                config.argv = vec![String::new()];
            }
            let text = match decode_source(&bytes, "<stdin>") {
                Ok(t) => t,
                Err(msg) => {
                    eprintln!("{}", msg);
                    return 1;
                }
            };
            run_and_exit(config, &text, "<stdin>")
        }
    }
}

/// Run a whole program and end the process with its exit status, without
/// dropping the VM: everything observable (the `finally` blocks of leftover
/// generators, asyncio's reports, buffered output) has happened inside
/// `run_main`, and freeing every object one by one, then the allocator's
/// and the thread's teardown, only cost time (dropping the VM was 5% of the
/// instructions of the import line of issue 4).
fn run_and_exit(config: Config, text: &str, filename: &str) -> ! {
    let mut vm = Vm::new(config);
    let status = vm.run_main(text, filename);
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // `_exit`, not `exit`: the only exit handler left is mimalloc's, which
    // returned freed pages to the kernel (three `madvise(MADV_DONTNEED)` of
    // 64 KiB inside transparent huge pages for `-c pass`, each splitting
    // one) just before the process's memory goes away anyway.
    #[cfg(unix)]
    // SAFETY: ends the process; all output was flushed above.
    unsafe {
        libc::_exit(status)
    }
    #[cfg(not(unix))]
    std::process::exit(status)
}

/// Source bytes to text; invalid UTF-8 is CPython's SyntaxError.
fn decode_source(bytes: &[u8], path: &str) -> Result<String, String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.strip_prefix('\u{feff}').unwrap_or(s).to_string()),
        Err(e) => {
            let pos = e.valid_up_to();
            let line = bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(format!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                bytes[pos], path, line
            ))
        }
    }
}

fn disassemble(path: &str) -> i32 {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("aiopy: can't open file '{}': {}", path, e);
            return 2;
        }
    };
    let file = aiopy::source::SourceFile::new(path, text.as_str());
    match aiopy::parser::parse_module(&text).and_then(|m| aiopy::compiler::compile_module(&m, &file, aiopy::compiler::Mode::Module)) {
        Ok(unit) => {
            print!("{}", aiopy::bytecode::dis::disassemble(&unit));
            0
        }
        Err(e) => {
            eprint!("{}", e.render(&file));
            1
        }
    }
}
