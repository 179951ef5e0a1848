"""Text stage: matching form, tokens, stems, sentences and language, for every language in rawi.lang."""

from rawi.text.detect import LanguageGuess, detect_language
from rawi.text.lexicon import Lexicon, LexiconMatch
from rawi.text.normalize import fold, normalize
from rawi.text.segment import split_clauses, split_sentences
from rawi.text.tokenize import all_stopwords, analyze, is_stopword, stem_tokens, tokenize, tokenize_normalized

__all__ = [
    "LanguageGuess",
    "Lexicon",
    "LexiconMatch",
    "all_stopwords",
    "analyze",
    "detect_language",
    "fold",
    "is_stopword",
    "normalize",
    "split_clauses",
    "split_sentences",
    "stem_tokens",
    "tokenize",
    "tokenize_normalized",
]
