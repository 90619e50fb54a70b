//! `_memplay_sizes`: `sys.getsizeof` as what the object itself owns in RustPython — its own
//! block (header, payload, and the prefix an object with a dict, slots or weak references
//! carries), and the buffers only it points to: a list's element array (its capacity), a
//! tuple's elements, a dict's or set's hash table, a string's or bytes' data, a big int's
//! digits, an array's items, a deque's ring, and an instance's attribute dict. RustPython's
//! own `__sizeof__` leaves some of these out (a tuple reports its header only) and counts
//! others twice (a dict's table header), so the figures would not add up to what the run's
//! counters see. Types that define `__sizeof__` in Python keep it, as in CPython.
//! The boot (py/_memplay_boot.py) installs it as `sys.getsizeof`.

pub(crate) use _memplay_sizes::module_def;

#[rustpython_vm::pymodule]
mod _memplay_sizes {
    use core::mem::size_of;

    use rustpython_vm::{
        AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine,
        builtins::{
            PyByteArray, PyBytes, PyDict, PyFrozenSet, PyFunction, PyInt, PyList, PySet, PyStr, PyTuple, PyType,
        },
        function::OptionalArg,
        types::PyTypeFlags,
    };

    const WORD: usize = size_of::<usize>();

    const fn round8(n: usize) -> usize {
        n.div_ceil(8) * 8
    }

    /// The object's own allocation: `[weak refs?][slots?][dict cell?][header + payload]`,
    /// as RustPython lays it out (each prefix part a multiple of 8 bytes).
    fn block(typ: &PyType) -> usize {
        let flags = &typ.slots.flags;
        let members = typ.slots.member_count;
        let weak = if flags.has_feature(PyTypeFlags::HAS_WEAKREF) { round8(2 * WORD) } else { 0 };
        let cells = round8(members * WORD);
        let ext = if flags.has_feature(PyTypeFlags::HAS_DICT) || members > 0 { round8(WORD + 1) } else { 0 };
        round8(weak + cells + ext + typ.slots.basicsize)
    }

    /// A hash table's two arrays. RustPython's `__sizeof__` reports their lengths (`raw`,
    /// the index array plus `len` entries); the entries vector grows by doubling, so the
    /// allocator holds the next power of two of them.
    fn table(len: usize, raw: usize, entry: usize) -> usize {
        let indices = raw.saturating_sub(len * entry);
        let capacity = if len == 0 { 0 } else { len.next_power_of_two().max(4) };
        indices + capacity * entry
    }

    /// An entry of a dict (hash, key, position, value) and of a set (no value).
    const DICT_ENTRY: usize = round8(8 + 3 * WORD);
    const SET_ENTRY: usize = round8(8 + 2 * WORD);
    /// A hash table's bookkeeping (two counts and two vectors): inside the payload, and
    /// counted again by RustPython's `__sizeof__`.
    const TABLE_HEADER: usize = 8 * WORD;

    fn raw_sizeof(obj: &PyObject, vm: &VirtualMachine) -> PyResult<usize> {
        vm.call_method(obj, "__sizeof__", ())?.try_index(vm)?.try_to_primitive::<usize>(vm)
    }

    /// RustPython's `__sizeof__` less the payload (already in the block): what a list,
    /// str, bytes, bytearray or int holds in its own buffer.
    fn buffer<T>(obj: &PyObject, vm: &VirtualMachine) -> PyResult<usize> {
        Ok(raw_sizeof(obj, vm)?.saturating_sub(size_of::<T>()))
    }

    /// What the payload owns beyond the block, for the types the engine sizes itself.
    fn owned(obj: &PyObject, vm: &VirtualMachine) -> PyResult<usize> {
        if let Some(tuple) = obj.downcast_ref::<PyTuple>() {
            Ok(tuple.len() * size_of::<PyObjectRef>())
        } else if let Some(dict) = obj.downcast_ref::<PyDict>() {
            let tables = buffer::<PyDict>(obj, vm)?.saturating_sub(size_of::<PyDict>() + TABLE_HEADER);
            Ok(table(dict.__len__(), tables, DICT_ENTRY))
        } else if obj.downcast_ref::<PySet>().is_some() || obj.downcast_ref::<PyFrozenSet>().is_some() {
            let payload =
                if obj.downcast_ref::<PySet>().is_some() { size_of::<PySet>() } else { size_of::<PyFrozenSet>() };
            // The table sits in a reference-counted box: two counts and a dict's table.
            let boxed = 2 * WORD + size_of::<PyDict>();
            let tables = raw_sizeof(obj, vm)?.saturating_sub(payload + size_of::<PyDict>() + TABLE_HEADER);
            Ok(boxed + table(obj.length(vm)?, tables, SET_ENTRY))
        } else if obj.downcast_ref::<PyList>().is_some() {
            buffer::<PyList>(obj, vm)
        } else if obj.downcast_ref::<PyStr>().is_some() {
            buffer::<PyStr>(obj, vm)
        } else if obj.downcast_ref::<PyBytes>().is_some() {
            buffer::<PyBytes>(obj, vm)
        } else if obj.downcast_ref::<PyByteArray>().is_some() {
            buffer::<PyByteArray>(obj, vm)
        } else if obj.downcast_ref::<PyInt>().is_some() {
            buffer::<PyInt>(obj, vm)
        } else {
            stdlib_owned(obj, vm)
        }
    }

    /// array.array and collections.deque: their payloads are private to RustPython, so
    /// their buffers are sized from what Python sees (length × item size).
    fn stdlib_owned(obj: &PyObject, vm: &VirtualMachine) -> PyResult<usize> {
        let names = obj.class().mro_map_collect(|t| t.name().to_string());
        let item = if names.iter().any(|n| n == "array") && obj.has_attr("itemsize", vm)? {
            obj.get_attr("itemsize", vm)?.try_index(vm)?.try_to_primitive::<usize>(vm)?
        } else if names.iter().any(|n| n == "deque") {
            size_of::<PyObjectRef>()
        } else {
            return Ok(0);
        };
        Ok(obj.length(vm)? * item)
    }

    /// `sys.getsizeof(object[, default])`.
    #[pyfunction]
    fn getsizeof(object: PyObjectRef, default: OptionalArg<PyObjectRef>, vm: &VirtualMachine) -> PyResult {
        let class = object.class();
        let python_sizeof =
            class.get_attr(vm.ctx.intern_str("__sizeof__")).is_some_and(|m| m.downcast_ref::<PyFunction>().is_some());
        let sized = if python_sizeof {
            raw_sizeof(&object, vm).map(|n| n + size_of::<PyObject>())
        } else {
            owned(&object, vm).map(|extra| {
                let dict = object.dict().map_or(0, |d| sized_dict(d.as_object(), vm));
                block(class) + extra + dict
            })
        };
        match (sized, default) {
            (Ok(n), _) => Ok(vm.ctx.new_int(n).into()),
            (Err(_), OptionalArg::Present(default)) => Ok(default),
            (Err(e), OptionalArg::Missing) => Err(e),
        }
    }

    /// An instance's attribute dict, which it owns and which the run's counters see
    /// created with it.
    fn sized_dict(dict: &PyObject, vm: &VirtualMachine) -> usize {
        block(dict.class()) + owned(dict, vm).unwrap_or(0)
    }
}
