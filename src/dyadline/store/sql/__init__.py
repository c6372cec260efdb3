"""Every SQL statement the store runs, in one place (DuckDB dialect).

``migrations`` holds the schema, ``writes`` the writer's statements, ``reads`` the query
builders. Nothing outside this package writes SQL, so another backend means another package.
"""
