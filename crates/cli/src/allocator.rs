//! The global allocator of the `shale` binary: mimalloc.
//!
//! syn's parse of a large schema and sqlparser's of a large migration make
//! millions of small allocations; with the system allocator they dominate
//! `shale generate` and `shale check`, and mimalloc halves the parse time.
//! The `mimalloc` crate's `GlobalAlloc` always takes mimalloc's aligned
//! path; almost every Rust allocation asks for at most the alignment
//! `mi_malloc` guarantees anyway, so this one calls `mi_malloc` then (about
//! 40 instructions less per allocation, ~7% of a 3000-table `shale check`,
//! measured with callgrind) and the aligned functions otherwise.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// mimalloc, as the global allocator (`#[global_allocator]` in `main.rs`).
pub struct Allocator;

/// The alignment every `mi_malloc` block has, whatever its size (blocks of
/// 16 bytes and more are 16-aligned, but an 8-byte block only 8-aligned).
const PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

// SAFETY: every path hands the request to mimalloc with an alignment it
// guarantees: `mi_malloc`, `mi_zalloc` and `mi_realloc` return blocks aligned
// to at least `PLAIN_ALIGN`, and larger alignments use the `_aligned`
// functions. `mi_free` frees blocks from either family.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_malloc(layout.size()).cast()
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_zalloc(layout.size()).cast()
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr.cast::<c_void>());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
        } else {
            mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
        }
    }
}
