pub mod source_list;
