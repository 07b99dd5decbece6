using System.Runtime.InteropServices;

namespace PolicyBot.Core.Footprint;

/// <summary>
/// The C library's heap, where ONNX Runtime allocates. glibc keeps pages that were freed between pages still in use
/// resident; <c>malloc_trim(0)</c> hands them back to the OS. Where there is no glibc (not Linux, or musl), nothing
/// happens.
/// </summary>
internal static class NativeHeap
{
    private static volatile bool _unavailable = !OperatingSystem.IsLinux();

    /// <returns>Whether the C library was asked to trim its heap.</returns>
    public static bool Trim()
    {
        if (_unavailable)
        {
            return false;
        }

        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
