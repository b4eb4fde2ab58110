//! Both tables of a foreign-key cycle are dropped.
