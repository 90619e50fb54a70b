//! The call stacks of the snippet's places, as a tree: each node one snippet frame (its
//! function's name and running line) under the node of the frame that called it. A node is
//! interned by what it prints (its caller's node, name and line; names are interned
//! strings), so a place's stack is one number, places whose stacks print alike share it,
//! and a recursion 600 calls deep keeps 600 nodes, not 600 stacks of up to 600 frames.

use rustc_hash::FxHashMap;
use rustpython_vm::builtins::PyStrInterned;

/// A stack: 0 is none (memory made where no snippet frame ran, or lines only).
pub(crate) type StackId = u32;
pub(crate) const NO_STACK: StackId = 0;

struct Node {
    caller: StackId,
    name: &'static PyStrInterned,
    line: u32,
    depth: u32,
}

#[derive(Default)]
pub(crate) struct Stacks {
    /// Node `id` is `nodes[id - 1]`.
    nodes: Vec<Node>,
    ids: FxHashMap<(StackId, usize, u32), StackId>,
}

impl Stacks {
    /// The stack of a frame running `name` at `line`, called from `caller`.
    pub fn called(&mut self, caller: StackId, name: &'static PyStrInterned, line: u32) -> StackId {
        let key = (caller, core::ptr::from_ref(name) as usize, line);
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let depth = if caller == NO_STACK { 1 } else { self.node(caller).depth + 1 };
        self.nodes.push(Node { caller, name, line, depth });
        let id = self.nodes.len() as StackId;
        self.ids.insert(key, id);
        id
    }

    fn node(&self, id: StackId) -> &Node {
        &self.nodes[id as usize - 1]
    }

    /// The frames of `id`, outermost first, each `(function name, line)`.
    pub fn frames(&self, id: StackId) -> Vec<(&'static str, u32)> {
        let mut frames = Vec::new();
        let mut at = id;
        while at != NO_STACK {
            let node = self.node(at);
            frames.push((node.name.as_str(), node.line));
            at = node.caller;
        }
        frames.reverse();
        frames
    }
}
