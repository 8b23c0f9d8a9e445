"""`python -m resume_analyzer.evaluation`: the parsing evaluation over the corpus."""

from resume_analyzer.evaluation import main

main()
