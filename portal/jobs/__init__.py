"""Long jobs: what every job shares, the workers that run and watch them, the retry backoff, e-mail sent by a job."""
