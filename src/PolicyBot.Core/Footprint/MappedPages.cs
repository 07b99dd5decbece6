using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace PolicyBot.Core.Footprint;

/// <summary>
/// Pages of a read-only mapped file: <c>madvise(MADV_DONTNEED)</c> drops them from the process's resident memory, and
/// a later read maps them from the file again. Where there is no such call (not Linux), nothing happens.
/// </summary>
internal static class MappedPages
{
    private const int DontNeed = 4; // MADV_DONTNEED

    private static volatile bool _unavailable = !OperatingSystem.IsLinux();

    public static bool Release(MemoryMappedViewAccessor view)
    {
        if (_unavailable)
        {
            return false;
        }

        try
        {
            var handle = view.SafeMemoryMappedViewHandle;
            return Madvise(handle.DangerousGetHandle(), (nuint)handle.ByteLength, DontNeed) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
