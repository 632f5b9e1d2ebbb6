/// glibc's malloc raises its mmap threshold to the size of each large block freed, so that after
/// the first batch answers (a 200 KB body, a 550 KB record array) every later one comes from the
/// heaps of the threads that allocated it, and what they free stays there: the server's resident
/// memory only ever grew, to 360 MB in `Scripts/bench-serve`. A fixed threshold gives blocks of
/// 128 KB or more their own mapping, returned to the system when freed.
enum MallocTuning {
    static func returnLargeBlocksToTheSystem() {
        #if os(Linux)
        _ = glibcMallopt(mmapThreshold, 128 << 10)
        #endif
    }

    /// `M_MMAP_THRESHOLD` of `<malloc.h>`, which the Glibc module does not export.
    private static let mmapThreshold: Int32 = -3
}

#if os(Linux)
/// `int mallopt(int param, int value)`: two ints and an int, passed alike by C and Swift.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
