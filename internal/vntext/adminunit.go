package vntext

// AdminUnits are the words naming an administrative unit, lower case,
// "thị xã" before "xã" so that a reader trying them in order takes the
// longer one. NĐ30
// Phụ lục II writes them lower case before the place's name ("tỉnh Gia
// Lai", "huyện Vĩnh Linh"); the one exception by name is "Thành phố Hồ
// Chí Minh", and a unit named after a number, a person or an event takes a
// capital ("Quận 1", "Phường Điện Biên Phủ").
var AdminUnits = []string{"thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường"}
