"""Executes an Airflow DAG file against stand-ins for the few Airflow names it imports, and prints
what it built as JSON: the DAG's arguments and each task's operator arguments and upstream tasks.
Airflow itself is not installed on build machines; the stand-ins accept any keyword so the DAG's
own code (the loop over stages, the templated arguments, the chaining) runs as it would."""

import json
import sys
import types

tasks = []
dag_args = {}


class SparkSubmitOperator:
    def __init__(self, **kwargs):
        self.kwargs = kwargs
        self.upstream = []
        tasks.append(self)

    def __rshift__(self, other):
        other.upstream.append(self.kwargs["task_id"])
        return other


class DAG:
    def __init__(self, **kwargs):
        dag_args.update(kwargs)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def chain(*ops):
    for a, b in zip(ops, ops[1:]):
        a >> b


class Variable:
    @staticmethod
    def get(key, default_var=None):
        return default_var


def module(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    sys.modules[name] = m


module("airflow", DAG=DAG)
module("airflow.models", Variable=Variable)
module("airflow.models.baseoperator", chain=chain)
module("airflow.providers")
module("airflow.providers.apache")
module("airflow.providers.apache.spark")
module("airflow.providers.apache.spark.operators")
module("airflow.providers.apache.spark.operators.spark_submit", SparkSubmitOperator=SparkSubmitOperator)

path = sys.argv[1]
with open(path) as f:
    code = compile(f.read(), path, "exec")
exec(code, {"__name__": "dag_under_test", "__file__": path})
print(
    json.dumps(
        {
            "dag": dag_args,
            "tasks": [dict(t.kwargs, upstream=t.upstream) for t in tasks],
        },
        default=str,
    )
)
