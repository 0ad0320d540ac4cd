"""The peer: N trivial Optuna trials with SQLite storage, timed around study.optimize alone.

Usage: optuna_trivial.py <trials> <directory> random|tpe. Random is the like-for-like peer of Sweep's random search;
TPE (Optuna's default) reads every past trial per suggestion and is printed beside it.
Prints one line, `optuna_trials=<N> optuna_seconds=<S>`, for the C# benchmark to parse.
"""
import logging
import os
import sys
import tempfile
import time

import optuna


def main() -> None:
    trials = int(sys.argv[1])
    directory = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="optuna-bench-")
    sampler = optuna.samplers.TPESampler(seed=5) if len(sys.argv) > 3 and sys.argv[3] == "tpe" \
        else optuna.samplers.RandomSampler(seed=5)
    os.makedirs(directory, exist_ok=True)
    database = os.path.join(directory, "optuna.db")
    if os.path.exists(database):
        os.remove(database)
    # Optuna logs one line per trial by default; the benchmark measures the trials, not the terminal.
    optuna.logging.set_verbosity(logging.WARNING)
    study = optuna.create_study(storage=f"sqlite:///{database}", study_name="trivial", sampler=sampler)
    started = time.perf_counter()
    study.optimize(lambda trial: trial.suggest_float("x", 0, 1), n_trials=trials)
    seconds = time.perf_counter() - started
    print(f"optuna_trials={len(study.trials)} optuna_seconds={seconds:.3f}")


if __name__ == "__main__":
    main()
