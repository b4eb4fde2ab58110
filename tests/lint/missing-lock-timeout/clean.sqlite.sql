ALTER TABLE `users` ADD `note` text;
