"""The pipeline's networks multiply through numpy's optimised BLAS, with the same annotations."""

from __future__ import annotations

import numpy
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, TAG

from forewarn.annotate import nlp as nlp_module

TEXT = ("Rebels seized two towns near Kabul on Tuesday, the army's spokesman said. \"We won't stop,\" "
        "the Taliban commander told Reuters. The United Nations urged both sides to talk in Geneva.")


def test_numpy_built_on_openblas_or_mkl_is_used_and_a_reference_blas_is_not(monkeypatch):
    nlp_module.numpy_blas_name.cache_clear()
    monkeypatch.setattr(numpy, "show_config", lambda mode=None: {
        "Build Dependencies": {"blas": {"name": "scipy-openblas", "found": True}}})
    assert nlp_module.numpy_blas_name() == "scipy-openblas"
    nlp_module.numpy_blas_name.cache_clear()
    monkeypatch.setattr(numpy, "show_config", lambda mode=None: {
        "Build Dependencies": {"blas": {"name": "blas", "found": True}}})
    assert nlp_module.numpy_blas_name() is None
    nlp_module.numpy_blas_name.cache_clear()


def test_numpy_gemm_gives_the_blis_annotations():
    import spacy

    name = nlp_module.resolve_model_name()
    blis_nlp, numpy_nlp = spacy.load(name), spacy.load(name)
    assert nlp_module.use_numpy_gemm(numpy_nlp) > 10
    ops = numpy_nlp.get_pipe("ner").model.ops
    assert ops.use_blis is False and blis_nlp.get_pipe("ner").model.ops.use_blis is True
    attrs = [TAG, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE]
    assert numpy.array_equal(blis_nlp(TEXT).to_array(attrs), numpy_nlp(TEXT).to_array(attrs))


def test_the_loaded_pipeline_multiplies_through_numpy_when_numpy_has_a_fast_blas():
    loaded = nlp_module.load_nlp("auto")
    if nlp_module.numpy_blas_name() is None:
        pytest.skip("numpy is not built on an optimised BLAS here")
    for name in ("tok2vec", "parser", "ner"):
        assert loaded.get_pipe(name).model.ops.use_blis is False


def test_numpy_blas_is_held_to_one_thread_once_the_networks_use_it():
    from threadpoolctl import threadpool_info

    nlp_module.load_nlp("auto")
    if nlp_module.numpy_blas_name() is None:
        pytest.skip("numpy is not built on an optimised BLAS here")
    blas = [lib for lib in threadpool_info() if lib.get("user_api") == "blas"]
    assert blas and all(lib["num_threads"] == 1 for lib in blas)
