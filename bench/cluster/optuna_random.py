"""The peer: N trivial Optuna trials with RandomSampler, timed around study.optimize alone.

Usage: optuna_random.py sqlite <trials> <directory>
       optuna_random.py redis <trials> <redis-url>

Prints one line for the C# benchmark to parse: `optuna_trials=<N> optuna_seconds=<S>`, or
`optuna_unavailable=<reason>` when the storage cannot be had here (JournalRedisStorage needs python3-redis).
"""
import logging
import os
import sys
import time
import uuid
import warnings

import optuna


def storage_for(kind: str, where: str):
    if kind == "sqlite":
        os.makedirs(where, exist_ok=True)
        database = os.path.join(where, "optuna.db")
        if os.path.exists(database):
            os.remove(database)
        return f"sqlite:///{database}"
    try:
        from optuna.storages import JournalRedisStorage, JournalStorage

        # JournalRedisStorage is experimental in 3.1 and says so on every use; the figures are what matter here.
        warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
        return JournalStorage(JournalRedisStorage(where, prefix=f"optuna-bench-{uuid.uuid4().hex[:8]}"))
    except ImportError as error:
        print(f"optuna_unavailable=JournalRedisStorage: {error}")
        sys.exit(0)


def main() -> None:
    kind, trials, where = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    storage = storage_for(kind, where)
    # Optuna logs one line per trial by default; the benchmark measures the trials, not the terminal.
    optuna.logging.set_verbosity(logging.WARNING)
    study = optuna.create_study(storage=storage, study_name="trivial", sampler=optuna.samplers.RandomSampler(seed=5))
    started = time.perf_counter()
    study.optimize(lambda trial: trial.suggest_float("x", 0, 1), n_trials=trials)
    seconds = time.perf_counter() - started
    print(f"optuna_trials={len(study.trials)} optuna_seconds={seconds:.3f}")


if __name__ == "__main__":
    main()
