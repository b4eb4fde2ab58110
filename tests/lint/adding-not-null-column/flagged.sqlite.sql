ALTER TABLE `users` ADD `age` integer NOT NULL;
