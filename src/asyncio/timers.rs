//! The timer heap: Python's `heapq` algorithms, comparing deadlines only,
//! so timers with equal deadlines come out in exactly the order CPython's
//! event loop (which keeps `TimerHandle`s in a heapq) runs them. A
//! `BinaryHeap` would order ties differently.

use crate::runtime::value::ObjRef;

#[derive(Clone, Copy, Debug)]
pub struct Timer {
    pub when: f64,
    pub handle: ObjRef,
}

#[derive(Default)]
pub struct TimerHeap {
    pub items: Vec<Timer>,
}

#[inline]
fn lt(a: &Timer, b: &Timer) -> bool {
    a.when < b.when
}

impl TimerHeap {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn peek(&self) -> Option<&Timer> {
        self.items.first()
    }

    /// `heapq.heappush`.
    pub fn push(&mut self, t: Timer) {
        self.items.push(t);
        let last = self.items.len() - 1;
        self.sift_down(0, last);
    }

    /// `heapq.heappop`.
    pub fn pop(&mut self) -> Option<Timer> {
        let last = self.items.pop()?;
        if self.items.is_empty() {
            return Some(last);
        }
        let top = std::mem::replace(&mut self.items[0], last);
        self.sift_up(0);
        Some(top)
    }

    /// `heapq.heapify`.
    pub fn heapify(&mut self) {
        let n = self.items.len();
        for i in (0..n / 2).rev() {
            self.sift_up(i);
        }
    }

    /// heapq's `_siftdown(heap, startpos, pos)`.
    fn sift_down(&mut self, start: usize, mut pos: usize) {
        let new = self.items[pos];
        while pos > start {
            let parent = (pos - 1) >> 1;
            if lt(&new, &self.items[parent]) {
                self.items[pos] = self.items[parent];
                pos = parent;
                continue;
            }
            break;
        }
        self.items[pos] = new;
    }

    /// heapq's `_siftup(heap, pos)`.
    fn sift_up(&mut self, mut pos: usize) {
        let end = self.items.len();
        let start = pos;
        let new = self.items[pos];
        let mut child = 2 * pos + 1;
        while child < end {
            let right = child + 1;
            if right < end && !lt(&self.items[child], &self.items[right]) {
                child = right;
            }
            self.items[pos] = self.items[child];
            pos = child;
            child = 2 * pos + 1;
        }
        self.items[pos] = new;
        self.sift_down(start, pos);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use slotmap::{KeyData, Key};

    fn key(n: u64) -> ObjRef {
        ObjRef::from(KeyData::from_ffi((1u64 << 32) | n))
    }

    /// The pop order of equal deadlines must match Python's heapq, e.g.
    /// pushing (1,a) (1,b) (1,c) (0,d) then popping all.
    #[test]
    fn ties_follow_heapq() {
        let mut h = TimerHeap::default();
        for (i, w) in [1.0, 1.0, 1.0, 0.0, 1.0].iter().enumerate() {
            h.push(Timer { when: *w, handle: key(i as u64) });
        }
        let order: Vec<u64> = std::iter::from_fn(|| h.pop()).map(|t| t.handle.data().as_ffi() & 0xffff_ffff).collect();
        // python: import heapq; h=[]; [heapq.heappush(h,(w,i)) ... ] with
        // a key comparing only w gives [3, 2, 4, 0, 1]
        assert_eq!(order, vec![3, 2, 4, 0, 1]);
    }
}
