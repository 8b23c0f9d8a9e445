"""`python -m evaluation`: the parsing evaluation over the corpus."""

from evaluation import main

main()
