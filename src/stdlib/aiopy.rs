//! `_aiopy`: native helpers the Python-written standard library needs and
//! cannot express in Python: looking at the caller's frames (for
//! `sys._getframe`, `warnings`, `logging`, namedtuple's `__module__`) and
//! rendering exceptions the way the interpreter does (for `traceback`).

use crate::builtins::args::arity;
use crate::runtime::function::NativeFn;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

pub fn init(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    let d = vm.module_dict(m).expect("module dict");
    const FUNCS: &[(&str, NativeFn)] = &[
        ("frame_info", frame_info),
        ("frame_depth", frame_depth),
        ("format_exception", format_exception),
        ("exception_line", exception_line),
        ("extract_tb", extract_tb),
        ("source_line", source_line),
        ("gen_state", gen_state),
        ("urandom", urandom),
    ];
    crate::builtins::add_functions(vm, d, FUNCS);
    Ok(())
}

/// `frame_info(depth)`: `(filename, lineno, name, globals, qualname)` of
/// the Python frame `depth` levels above the caller of `frame_info`
/// (0 = the caller itself), or None past the outermost frame.
fn frame_info(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "frame_info", args, 0, 1)?;
    let depth = match args.first() {
        Some(v) => vm.index_value(*v)?,
        None => 0,
    };
    if depth < 0 || depth as usize >= vm.frames.len() {
        return Ok(Value::None);
    }
    let f = &vm.frames[vm.frames.len() - 1 - depth as usize];
    let code = f.code.clone();
    let line = code.line_at(f.ip.saturating_sub(1));
    let globals = f.globals;
    let file = vm.new_str(code.source.name.as_str());
    let name = vm.new_str(code.name.as_str());
    let qual = vm.new_str(code.qualname.as_str());
    Ok(vm.new_tuple(vec![file, Value::Int(line as i64), name, Value::Obj(globals), qual]))
}

/// Number of Python frames on the stack (below the caller's).
fn frame_depth(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(vm.frames.len() as i64))
}

/// The full traceback text the interpreter prints for an exception.
fn format_exception(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "format_exception", args, 1, 1)?;
    let s = vm.format_exception(args[0]);
    Ok(vm.new_str(s))
}

/// The last line `Type: message`.
fn exception_line(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "exception_line", args, 1, 1)?;
    let s = vm.exception_line(args[0]);
    Ok(vm.new_str(s))
}

/// `[(filename, lineno, name, line), ...]` of an exception's own
/// traceback, outermost call first.
fn extract_tb(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "extract_tb", args, 1, 1)?;
    let entries = match args[0].as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Exception(e)) => e.traceback.clone(),
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for e in entries.iter().rev() {
        let file = vm.new_str(e.code.source.name.as_str());
        let name = vm.new_str(e.code.name.as_str());
        let text = e.code.source.line_text(e.line).map(|t| t.trim().to_string()).unwrap_or_default();
        let text = vm.new_str(text);
        out.push(vm.new_tuple(vec![file, Value::Int(e.line as i64), name, text]));
    }
    Ok(vm.new_list(out))
}

/// `source_line(depth)`: the stripped text of the line the frame `depth`
/// levels above the caller is executing ('' if unknown).
fn source_line(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "source_line", args, 0, 1)?;
    let depth = match args.first() {
        Some(v) => vm.index_value(*v)?,
        None => 0,
    };
    if depth < 0 || depth as usize >= vm.frames.len() {
        return Ok(vm.new_str(""));
    }
    let f = &vm.frames[vm.frames.len() - 1 - depth as usize];
    let code = f.code.clone();
    let line = code.line_at(f.ip.saturating_sub(1));
    let text = code.source.line_text(line).map(|t| t.trim().to_string()).unwrap_or_default();
    Ok(vm.new_str(text))
}

/// `gen_state(g)`: 'CREATED', 'RUNNING', 'SUSPENDED' or 'CLOSED' for a
/// generator, coroutine or async generator (None for anything else); what
/// `inspect.getgeneratorstate`/`getcoroutinestate` report.
fn gen_state(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "gen_state", args, 1, 1)?;
    use crate::runtime::generator::GenState;
    let s = match args[0].as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Generator(g)) => match g.state {
            GenState::Created => "CREATED",
            GenState::Running => "RUNNING",
            GenState::Suspended => "SUSPENDED",
            GenState::Closed => "CLOSED",
        },
        _ => return Ok(Value::None),
    };
    Ok(vm.new_str(s))
}

/// `urandom(n)`: n bytes from the operating system's random source.
fn urandom(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "urandom", args, 1, 1)?;
    let n = vm.index_value(args[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf)).is_ok();
    if !ok {
        let mut x = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1) | 1;
        for b in buf.iter_mut() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = x as u8;
        }
    }
    Ok(vm.new_bytes(buf))
}
