package httpapi

import (
	"fmt"
	"net/http"
)

// Role is what an office user may do on the drafting desk. The rules are
// here, once, and the editor only hides what the session's role cannot do
// (GET /auth/session says the role); the API refuses it anyway.
type Role string

// The roles. A clerk (chuyên viên) drafts: creates, edits, deletes, sends
// for review, keeps templates and the recipients directory, and resolves
// comments. A reviewer (người duyệt) reads, comments, and decides on a
// draft under review: issues it or returns it to the drafter; a reviewer
// does not edit the text. A lead (lãnh đạo) may do both, and alone keeps
// the office's profiles (house styles) that everyone prints in.
const (
	RoleClerk    Role = "clerk"
	RoleReviewer Role = "reviewer"
	RoleLead     Role = "lead"
)

// Valid reports whether r is one of the roles.
func (r Role) Valid() bool { return r == RoleClerk || r == RoleReviewer || r == RoleLead }

// action is something a role may or may not do.
type action int

const (
	actEdit    action = iota // create, change the text, delete; templates; the directory
	actSubmit                // dự thảo → trình duyệt
	actDecide                // trình duyệt → đã ban hành, or back to dự thảo
	actComment               // comment on a field
	actResolve               // mark a comment resolved
	actStyle                 // keep the office's profiles (house styles)
)

// allowed is the one table of who may do what.
var allowed = map[Role]map[action]bool{
	RoleClerk:    {actEdit: true, actSubmit: true, actResolve: true},
	RoleReviewer: {actDecide: true, actComment: true, actResolve: true},
	RoleLead:     {actEdit: true, actSubmit: true, actDecide: true, actComment: true, actResolve: true, actStyle: true},
}

// roleOf is the role of a signed-in office user. Without VANBAN_ROLES
// nobody is told apart, so everyone is a lead; with it, a user it does
// not name is a clerk. API keys (systems) and a server without sign-in
// act as leads: there is nobody to tell apart.
func (s *Server) roleOf(user string) Role {
	if len(s.cfg.Roles) == 0 {
		return RoleLead
	}
	if r, ok := s.cfg.Roles[user]; ok {
		return r
	}
	return RoleClerk
}

// roleNames are the roles as a clerk reads them in a message.
var roleNames = map[Role][2]string{
	RoleClerk:    {"chuyên viên soạn thảo", "clerk"},
	RoleReviewer: {"người duyệt", "reviewer"},
	RoleLead:     {"lãnh đạo", "lead"},
}

var actionNames = map[action][2]string{
	actEdit:    {"soạn, sửa hoặc xóa dự thảo, mẫu và danh bạ nơi nhận", "draft, edit or delete drafts, templates and the recipients directory"},
	actSubmit:  {"trình duyệt dự thảo", "send a draft for review"},
	actDecide:  {"ban hành hoặc trả lại dự thảo đang trình duyệt", "issue or return a draft under review"},
	actComment: {"góp ý vào dự thảo", "comment on a draft"},
	actResolve: {"đánh dấu đã xử lý góp ý", "resolve a comment"},
	actStyle:   {"sửa bộ thông số trình bày của đơn vị", "change the office's profiles"},
}

// actionCodes name the actions for the editor (SessionResponse.May), in
// the order of the constants.
var actionCodes = []struct {
	a    action
	code string
}{{actEdit, "edit"}, {actSubmit, "submit"}, {actDecide, "decide"}, {actComment, "comment"}, {actResolve, "resolve"}, {actStyle, "style"}}

// mayDo lists what role r may do, so the editor offers only that; the
// API refuses the rest anyway.
func mayDo(r Role) []string {
	out := []string{}
	for _, ac := range actionCodes {
		if allowed[r][ac.a] {
			out = append(out, ac.code)
		}
	}
	return out
}

// permit answers nil when the caller's role may do a, and the one 403
// otherwise, naming the role and what it may not do.
func permit(who caller, a action) error {
	if allowed[who.role][a] {
		return nil
	}
	r, an := roleNames[who.role], actionNames[a]
	return &Error{Status: http.StatusForbidden, Code: CodeForbiddenRole,
		VI: fmt.Sprintf("Vai trò %s không được %s.", r[0], an[0]),
		EN: fmt.Sprintf("the %s role may not %s", r[1], an[1])}
}
