//! The one sort the page uses. The standard library's sorts are compiled
//! afresh for every element type and comparator (about 2.5 KB of wasm each,
//! 50 KB over the page's sorts); here one merge sort, compiled once, orders
//! positions, and a small generic step moves the elements into that order.
//! Stable: equal elements keep their order. The few sorts that run over
//! every record use [`sort_keyed`] instead.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` gives them (stable).
pub fn order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    const RUN: usize = 16;
    // Short runs by insertion, then merges of runs twice as long each pass.
    for run in positions.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && compare(run[j - 1], run[j]) == Ordering::Greater {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut buffer = vec![0; len];
    let mut width = RUN;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right, mut out) = (start, middle, start);
            while left < middle && right < end {
                // Take from the right only when strictly smaller: stable.
                if compare(positions[right], positions[left]) == Ordering::Less {
                    buffer[out] = positions[right];
                    right += 1;
                } else {
                    buffer[out] = positions[left];
                    left += 1;
                }
                out += 1;
            }
            buffer[out..out + middle - left].copy_from_slice(&positions[left..middle]);
            out += middle - left;
            buffer[out..out + end - right].copy_from_slice(&positions[right..end]);
        }
        std::mem::swap(&mut positions, &mut buffer);
        width *= 2;
    }
    positions
}

/// Sorts `items` by `compare`, stably.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    arrange(items, order);
}

/// Sorts `items` by a key, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stably.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, |a, b| a.cmp(b));
}

/// Sorts `(key, then, payload)` triples by `key`, then `then`, stably: equal
/// pairs keep their order, and the payload travels with them. The large sorts
/// of a query (rows, totals' groups) are put in this one shape so that they
/// share one radix sort: a pass per byte of `then` and `key`, least
/// significant first, skipping the bytes every item shares (most of a u64
/// amount, a year). Linear in the number of items; short lists take the
/// merge sort above.
pub fn sort_keyed(items: &mut [(u64, u32, u32)]) {
    const BYTES: usize = 12;
    if items.len() < 256 {
        sort_by_key(items, |t| (t.0, t.1));
        return;
    }
    // Every pass's counts in one reading: bytes 0 to 3 of `then`, then 0 to
    // 7 of `key`.
    let mut counts = vec![[0usize; 256]; BYTES];
    for &(key, then, _) in items.iter() {
        for (i, count) in counts[..4].iter_mut().enumerate() {
            count[(then >> (8 * i)) as usize & 0xff] += 1;
        }
        for (i, count) in counts[4..].iter_mut().enumerate() {
            count[(key >> (8 * i)) as usize & 0xff] += 1;
        }
    }
    let mut buffer = items.to_vec();
    let mut in_buffer = false;
    {
        let mut from: &mut [(u64, u32, u32)] = items;
        let mut to: &mut [(u64, u32, u32)] = &mut buffer;
        for (pass, count) in counts.iter().enumerate() {
            if count.contains(&from.len()) {
                continue;
            }
            let mut next = [0usize; 256];
            let mut at = 0;
            for (slot, n) in next.iter_mut().zip(count) {
                *slot = at;
                at += n;
            }
            if pass < 4 {
                let shift = 8 * pass;
                scatter(from, to, &mut next, |item| {
                    (item.1 >> shift) as usize & 0xff
                });
            } else {
                let shift = 8 * (pass - 4);
                scatter(from, to, &mut next, |item| {
                    (item.0 >> shift) as usize & 0xff
                });
            }
            std::mem::swap(&mut from, &mut to);
            in_buffer = !in_buffer;
        }
    }
    if in_buffer {
        items.copy_from_slice(&buffer);
    }
}

/// The first `most` of `items` in the order [`sort_keyed`] gives them, without
/// sorting them all: the timeline keeps its hundred largest figures of a
/// view of thousands. Candidates are gathered up to twice `most`, cut back to
/// the best `most`, and anything not better than the last of those is passed
/// over; a later item equal to it would come after it in the stable order.
pub fn first_keyed(
    items: impl IntoIterator<Item = (u64, u32, u32)>,
    most: usize,
) -> Vec<(u64, u32, u32)> {
    let mut kept: Vec<(u64, u32, u32)> = Vec::new();
    let mut bar: Option<(u64, u32)> = None;
    for item in items {
        if bar.is_some_and(|b| (item.0, item.1) >= b) {
            continue;
        }
        kept.push(item);
        if kept.len() >= most.saturating_mul(2).max(1) {
            sort_keyed(&mut kept);
            kept.truncate(most);
            bar = kept.last().map(|k| (k.0, k.1));
        }
    }
    sort_keyed(&mut kept);
    kept.truncate(most);
    kept
}

/// One radix pass: each item to the next free place for its digit.
fn scatter(
    from: &[(u64, u32, u32)],
    to: &mut [(u64, u32, u32)],
    next: &mut [usize; 256],
    digit: impl Fn(&(u64, u32, u32)) -> usize,
) {
    for item in from {
        let slot = &mut next[digit(item)];
        to[*slot] = *item;
        *slot += 1;
    }
}

/// Moves the elements so that the one at `order[i]` ends at `i`.
fn arrange<T>(items: &mut [T], mut order: Vec<usize>) {
    // Follow each cycle of the permutation with swaps; mark places done.
    for start in 0..items.len() {
        let mut here = start;
        while order[here] != start {
            let from = order[here];
            items.swap(here, from);
            order[here] = here;
            here = from;
        }
        order[here] = here;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u64;
        for len in [0, 1, 2, 15, 16, 17, 33, 100, 1000, 4097] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut theirs = items.clone();
            theirs.sort_by_key(|x| x.0);
            assert_eq!(ours, theirs, "length {len}");
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut theirs = items;
            theirs.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(ours, theirs, "length {len}, descending");
        }
    }

    #[test]
    fn keyed_sort_is_the_standard_stable_sort_by_key_then() {
        let mut seed = 11u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed >> 11
        };
        for len in [0, 1, 2, 255, 256, 257, 1000, 5000] {
            // Spread 2: keys differ only in their seventh byte, so the
            // passes for the bytes below it are skipped.
            for spread in [1u64, 2, 3, 300, 1 << 20, u64::MAX] {
                let items: Vec<(u64, u32, u32)> = (0..len)
                    .map(|_| {
                        let wide = next();
                        (
                            if spread == u64::MAX {
                                wide << 11 | next()
                            } else if spread == 2 {
                                (wide % 3) << 48
                            } else {
                                wide % spread
                            },
                            (next() % (spread.min(1 << 31) + 1)) as u32,
                            next() as u32,
                        )
                    })
                    .collect();
                for most in [0, 1, 100, len] {
                    let mut theirs = items.clone();
                    theirs.sort_by_key(|t| (t.0, t.1));
                    theirs.truncate(most);
                    let ours = first_keyed(items.iter().copied(), most);
                    assert_eq!(ours, theirs, "first {most} of {len}, spread {spread}");
                }
                let mut ours = items.clone();
                sort_keyed(&mut ours);
                let mut theirs = items;
                theirs.sort_by_key(|t| (t.0, t.1));
                assert_eq!(ours, theirs, "length {len}, spread {spread}");
            }
        }
    }
}
