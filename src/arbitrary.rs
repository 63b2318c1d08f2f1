//! `arbitrary::Arbitrary` for articles (feature `arbitrary`), for fuzz targets.
