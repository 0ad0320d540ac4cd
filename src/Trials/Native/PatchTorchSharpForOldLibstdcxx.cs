#nullable enable
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class PatchTorchSharpForOldLibstdcxx : Task
{
    private const string MissingVersion = "GLIBCXX_3.4.32";
    private const string MissingSymbol = "_ZSt21ios_base_library_initv";
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    [Required] public string LibraryPath { get; set; } = "";
    [Required] public string ShimSource { get; set; } = "";
    [Required] public string ShimName { get; set; } = "";

    public override bool Execute()
    {
        var systemLibstdcxx = FindSystemLibstdcxx();
        if (systemLibstdcxx == null)
        {
            Log.LogMessage(MessageImportance.Low, "No system libstdc++.so.6 found; TorchSharp left as shipped.");
            return true;
        }
        if (FileContains(systemLibstdcxx, MissingVersion))
        {
            Log.LogMessage(MessageImportance.Low, $"{systemLibstdcxx} provides {MissingVersion}; no patch needed.");
            return true;
        }

        var bytes = File.ReadAllBytes(LibraryPath);
        var entry = FindVersionNeedEntry(bytes);
        if (entry < 0)
        {
            Log.LogMessage(MessageImportance.Low, $"{LibraryPath} does not require {MissingVersion}.");
            return true;
        }

        var outputDir = Path.GetDirectoryName(Path.GetFullPath(LibraryPath))!;
        var shimPath = Path.Combine(outputDir, ShimName);
        if (!File.Exists(shimPath) && !Run("g++", $"-shared -fPIC -O2 -o \"{shimPath}\" \"{ShimSource}\"",
                "install g++ (Debian package g++)"))
            return false;

        var alreadyPatched = (ReadU16(bytes, entry + 4) & VerFlagWeak) != 0;
        if (alreadyPatched)
            return true;

        if (!Run("patchelf", $"--clear-symbol-version {MissingSymbol} --add-needed {ShimName} \"{LibraryPath}\"",
                "install patchelf (Debian package patchelf)"))
            return false;

        bytes = File.ReadAllBytes(LibraryPath);
        entry = FindVersionNeedEntry(bytes);
        WriteU16(bytes, entry + 4, (ushort)(ReadU16(bytes, entry + 4) | VerFlagWeak));
        var temporary = LibraryPath + ".patching";
        File.WriteAllBytes(temporary, bytes);
        File.Replace(temporary, LibraryPath, null);
        Log.LogMessage(MessageImportance.High,
            $"Patched {LibraryPath}: {MissingSymbol} now comes from {ShimName} ({systemLibstdcxx} lacks {MissingVersion}).");
        return true;
    }

    private static string? FindSystemLibstdcxx()
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6",
            "/usr/lib/libstdc++.so.6",
        };
        return candidates.FirstOrDefault(File.Exists);
    }

    private static bool FileContains(string path, string text)
    {
        // libstdc++ is a few MB; Latin-1 maps bytes one to one, so a string search finds the version name.
        return Encoding.GetEncoding("ISO-8859-1").GetString(File.ReadAllBytes(path)).Contains(text);
    }

    /// <summary>Offset of the Vernaux entry naming <see cref="MissingVersion"/>, or -1.</summary>
    private static int FindVersionNeedEntry(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("expected a 64-bit little-endian ELF file");
        var sectionTable = (int)ReadU64(elf, 0x28);
        var sectionSize = ReadU16(elf, 0x3A);
        var sectionCount = ReadU16(elf, 0x3C);
        for (var i = 0; i < sectionCount; i++)
        {
            var header = sectionTable + i * sectionSize;
            if (ReadU32(elf, header + 4) != ShtGnuVerneed)
                continue;
            var offset = (int)ReadU64(elf, header + 0x18);
            var stringSection = sectionTable + (int)ReadU32(elf, header + 0x28) * sectionSize;
            var strings = (int)ReadU64(elf, stringSection + 0x18);
            var needCount = ReadU32(elf, header + 0x2C);
            var need = offset;
            for (var n = 0; n < needCount; n++)
            {
                var auxCount = ReadU16(elf, need + 2);
                var aux = need + (int)ReadU32(elf, need + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    if (ReadCString(elf, strings + (int)ReadU32(elf, aux + 8)) == MissingVersion)
                        return aux;
                    aux += (int)ReadU32(elf, aux + 12);
                }
                need += (int)ReadU32(elf, need + 12);
            }
        }
        return -1;
    }

    private bool Run(string program, string arguments, string remedy)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode == 0)
                return true;
            Log.LogError($"{program} {arguments} failed: {error.Trim()}");
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Log.LogError($"TorchSharp needs {MissingVersion} which this system's libstdc++ lacks; to patch it, {remedy}.");
            return false;
        }
    }

    private static string ReadCString(byte[] data, int offset)
    {
        var end = Array.IndexOf(data, (byte)0, offset);
        return Encoding.ASCII.GetString(data, offset, end - offset);
    }

    private static ushort ReadU16(byte[] d, int o) => BitConverter.ToUInt16(d, o);
    private static uint ReadU32(byte[] d, int o) => BitConverter.ToUInt32(d, o);
    private static ulong ReadU64(byte[] d, int o) => BitConverter.ToUInt64(d, o);
    private static void WriteU16(byte[] d, int o, ushort v) => BitConverter.GetBytes(v).CopyTo(d, o);
}
