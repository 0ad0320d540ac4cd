using Sweep.Orchestrator.Contracts;
namespace Sweep.Orchestrator.Contracts;

/// <summary>A mistake in how a command was called or which directory it was given (not in a spec file), with the
/// one line to show.</summary>
public sealed class UserErrorException(string message) : Exception(message);
