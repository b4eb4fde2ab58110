-- shale:down of 0001_after
-- shale:data-loss: drops table "a_table_with_a_rather_long_descriptive_name_for_testing" and all its rows

DROP TABLE "a_table_with_a_rather_long_descriptive_name_for_testing";
