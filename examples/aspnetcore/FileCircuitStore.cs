using System.Globalization;
using System.Text;

namespace CircuitReconnectSample;

/// <summary>
/// <c>Circuits:Store=file</c> with <c>Circuits:File=path</c>: circuits survive the process being
/// killed, so a page whose server restarted resumes its circuit instead of reloading (what the
/// real-server herd benchmark restarts). Write-through: every change is one line appended to the
/// file and handed to the operating system before the hub answers, which is what a killed process
/// needs (the page cache outlives it; a machine crash is out of scope for a sample). At start the
/// file is replayed, rewritten compacted to a temporary file and renamed over the old one (atomic:
/// a kill during start-up leaves the old file or the new one, never half of either). A line cut by a
/// kill is ignored. The circuits a killed process held were connected to connections that died
/// with it: they are loaded as disconnected, held for the retention period from the start.
/// </summary>
public sealed class FileCircuitStore : ICircuitStore, IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly FileStream _journal;
    private readonly TimeProvider _time;

    public FileCircuitStore(string path, TimeSpan retention, TimeProvider time, ILogger<FileCircuitStore> logger)
    {
        _time = time;
        var now = time.GetUtcNow();
        if (File.Exists(path))
        {
            Replay(path, now);
        }

        foreach (var key in _entries.Keys.ToList())
        {
            var entry = _entries[key];
            if (entry.ConnectionId is not null)
            {
                _entries[key] = new Entry(null, now + retention);
            }
        }

        var compacted = path + ".tmp";
        File.WriteAllLines(compacted, _entries.Select(pair => Line(pair.Key, pair.Value)), new UTF8Encoding(false));
        File.Move(compacted, path, overwrite: true);
        _journal = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        logger.LogInformation("Circuit store: {Count} circuits loaded from {Path}", _entries.Count, path);
    }

    public ValueTask AddAsync(string key, string connectionId)
    {
        lock (_gate)
        {
            Write(key, new Entry(connectionId, null));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> TryConnectAsync(string key, string connectionId)
    {
        lock (_gate)
        {
            if (!IsHeld(key))
            {
                return ValueTask.FromResult(false);
            }

            Write(key, new Entry(connectionId, null));
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask DisconnectedAsync(string key, string connectionId, TimeSpan retention)
    {
        lock (_gate)
        {
            if (IsHeld(key) && _entries[key].ConnectionId == connectionId)
            {
                Write(key, new Entry(null, _time.GetUtcNow() + retention));
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key)
    {
        lock (_gate)
        {
            if (_entries.Remove(key))
            {
                Append($"R {key}");
            }
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose() => _journal.Dispose();

    /// <summary>Held: present and not expired (an expired entry is dropped here, lazily).</summary>
    private bool IsHeld(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return false;
        }

        if (entry.ExpiresAt is { } expiresAt && expiresAt <= _time.GetUtcNow())
        {
            _entries.Remove(key);
            return false;
        }

        return true;
    }

    private void Write(string key, Entry entry)
    {
        _entries[key] = entry;
        Append(Line(key, entry));
    }

    private void Append(string line)
    {
        // One write per change, flushed to the operating system (not to the disk: see the summary).
        _journal.Write(Encoding.UTF8.GetBytes(line + "\n"));
        _journal.Flush(flushToDisk: false);
    }

    /// <summary>"C key connectionId" (connected), "D key expiresAtUnixMs" (held), "R key" (removed).</summary>
    private static string Line(string key, Entry entry) => entry.ConnectionId is { } connectionId
        ? $"C {key} {connectionId}"
        : $"D {key} {entry.ExpiresAt!.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";

    private void Replay(string path, DateTimeOffset now)
    {
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ');
            switch (parts)
            {
                case ["C", var key, var connectionId]:
                    _entries[key] = new Entry(connectionId, null);
                    break;
                case ["D", var key, var expires] when long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var ms):
                    var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(ms);
                    if (expiresAt > now)
                    {
                        _entries[key] = new Entry(null, expiresAt);
                    }
                    else
                    {
                        _entries.Remove(key);
                    }

                    break;
                case ["R", var key]:
                    _entries.Remove(key);
                    break;
                default:
                    // The last line, cut by a kill in the middle of its write.
                    break;
            }
        }
    }

    private sealed record Entry(string? ConnectionId, DateTimeOffset? ExpiresAt);
}
