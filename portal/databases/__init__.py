"""One primary and, optionally, read replicas (README, "Scale out").

``config`` builds the aliases from the environment, ``routing`` holds the one switch that sends reads to a replica
(``replica_reads()``) and the router behind it, ``replicas`` decides whether a replica is fit to answer, and
``middleware`` turns the switch on for the pages in ``routing.REPLICA_READ_VIEWS`` and pins a browser to the
primary after it wrote.
"""
