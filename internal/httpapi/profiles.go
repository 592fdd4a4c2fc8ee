package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"golang.org/x/text/unicode/norm"

	"github.com/vanban/vanban/internal/document"
	"github.com/vanban/vanban/internal/engine"
	"github.com/vanban/vanban/internal/store"
)

// Office profiles: an office's house styles (document.Profile: margins,
// sizes, indent, pitch inside NĐ30's ranges) kept on the server by name,
// so every clerk of the office chooses the same one in the editor, which
// copies its full values into the document's options.profile (the
// document then prints the same anywhere). Everyone reads them; a lead
// keeps them (actStyle). A profile is versioned like a draft: its ETag is
// the version, a replace or delete names it in If-Match, and creating one
// says If-None-Match: *, so two leads never overwrite each other.

// maxProfileBody bounds a profile's JSON: a name and nine numbers.
const maxProfileBody = 8 << 10

// ProfileInfo is one stored profile.
type ProfileInfo struct {
	Name      string           `json:"name"`
	Profile   document.Profile `json:"profile"`
	Version   int              `json:"version"`
	UpdatedBy string           `json:"updated_by"`
	UpdatedAt time.Time        `json:"updated_at"`
}

// ProfilesResponse is GET /v1/profiles: the office's profiles by name and
// the service's own (VANBAN_PROFILE; null when unset), which a document
// without options.profile prints in.
type ProfilesResponse struct {
	Profiles []ProfileInfo     `json:"profiles"`
	Service  *document.Profile `json:"service"`
}

func profileOf(p store.Profile) (ProfileInfo, error) {
	out := ProfileInfo{Name: p.Name, Version: p.Version, UpdatedBy: p.UpdatedBy, UpdatedAt: p.UpdatedAt}
	if err := json.Unmarshal(p.Body, &out.Profile); err != nil {
		return ProfileInfo{}, fmt.Errorf("profile %q: %w", p.Name, err)
	}
	return out, nil
}

// profileName is the profile's name from the URL, tidied as a clerk
// typed it; a name must hold letters and fit document.Profile's name.
func profileName(c *gin.Context) (string, error) {
	name := strings.Join(strings.Fields(norm.NFC.String(c.Param("name"))), " ")
	if !utf8.ValidString(name) || store.NameKey(name) == "" || utf8.RuneCountInString(name) > maxTemplateName {
		return "", structureError("/name", "profile.name", fmt.Sprintf("Tên bộ thông số phải có chữ và dài không quá %d ký tự.", maxTemplateName),
			fmt.Sprintf("a profile's name must hold letters and be at most %d characters", maxTemplateName))
	}
	return name, nil
}

// readProfile decodes the body strictly as document.Profile and holds it
// to NĐ30's ranges by the validator every document goes through
// (engine.ProfileFindings), so a stored profile is one a document may use.
// Finding paths name the field of the body ("/margin_left").
func (s *Server) readProfile(c *gin.Context, name string) (document.Profile, error) {
	var p document.Profile
	data, err := s.readLimited(c, maxProfileBody)
	if err != nil {
		return p, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return p, structureError("", "profile.body",
			"Bộ thông số phải là một đối tượng như options.profile: margin_top, margin_bottom, margin_left, margin_right, body_size, line_spacing, first_indent, agency_size, sign_space (số).",
			"a profile must be an object like options.profile: margin_top, margin_bottom, margin_left, margin_right, body_size, line_spacing, first_indent, agency_size, sign_space (numbers)")
	}
	if p.Name != "" && store.NameKey(p.Name) != store.NameKey(name) {
		return p, structureError("/name", "profile.name_mismatch", "Tên trong nội dung khác tên trên đường dẫn.", "the body's name differs from the name in the path")
	}
	p.Name = name
	if fs := engine.ProfileFindings(&p); len(fs) > 0 {
		for i := range fs {
			fs[i].Path = strings.TrimPrefix(fs[i].Path, "/options/profile")
		}
		return p, &document.DecodeError{Findings: fs}
	}
	return p, nil
}

func (s *Server) listProfiles(c *gin.Context) error {
	// A server that keeps no drafts keeps no profiles either, but still
	// says which one it prints in.
	var ps []store.Profile
	if s.store != nil {
		var err error
		if ps, err = s.store.Profiles(c.Request.Context(), s.callerOf(c).office); err != nil {
			return err
		}
	}
	out := ProfilesResponse{Profiles: make([]ProfileInfo, 0, len(ps)), Service: s.service}
	for _, p := range ps {
		info, err := profileOf(p)
		if err != nil {
			return err
		}
		out.Profiles = append(out.Profiles, info)
	}
	c.Header("Cache-Control", "private, no-cache")
	writeJSON(c, http.StatusOK, out)
	return nil
}

func (s *Server) getProfile(c *gin.Context) error {
	st, err := s.drafts()
	if err != nil {
		return err
	}
	name, err := profileName(c)
	if err != nil {
		return err
	}
	p, err := st.Profile(c.Request.Context(), s.callerOf(c).office, name)
	if err != nil {
		return err
	}
	info, err := profileOf(p)
	if err != nil {
		return err
	}
	c.Header("ETag", etag(p.Version))
	c.Header("Cache-Control", "private, no-cache")
	if inm := c.GetHeader("If-None-Match"); inm != "" && strings.Contains(inm, etag(p.Version)) {
		c.Status(http.StatusNotModified)
		return nil
	}
	writeJSON(c, http.StatusOK, info)
	return nil
}

// profileBase is the version a write is based on: If-Match's, or 0 for
// a new profile (If-None-Match: *). Without either the write is refused
// (428): a lead who never read the profile must not overwrite it.
func profileBase(c *gin.Context, creating bool) (int, error) {
	if creating && strings.TrimSpace(c.GetHeader("If-None-Match")) == "*" && c.GetHeader("If-Match") == "" {
		return 0, nil
	}
	if strings.TrimSpace(c.GetHeader("If-Match")) == "" {
		vi, en := "Thiếu tiêu đề If-Match: hãy gửi ETag của lần đọc bộ thông số gần nhất.", "If-Match is required: send the ETag of your last read of the profile"
		if creating {
			vi += " Để tạo mới, gửi If-None-Match: *."
			en += "; to create one, send If-None-Match: *"
		}
		return 0, &Error{Status: http.StatusPreconditionRequired, Code: CodePreconditionRequired, VI: vi, EN: en}
	}
	return ifMatch(c)
}

// profileStale answers a write that lost the race, in the profile's words.
func profileStale(err error) error {
	if e, ok := storeError(err); ok && e.Code == CodeStale {
		e.VI = "Bộ thông số đã được người khác lưu sau lần bạn đọc; hãy tải lại rồi lưu lại."
		e.EN = "the profile was saved by someone else since you read it; reload it and save again"
		return e
	}
	return err
}

// profileWrite is what a write to a stored profile starts from: a lead's
// desk (the style action), the profile's name and the version the write
// is based on (profileBase).
type profileWrite struct {
	st   store.Store
	who  caller
	name string
	base int
}

func (s *Server) profileWrite(c *gin.Context, creating bool) (profileWrite, error) {
	st, who, err := s.deskAs(c, actStyle)
	if err != nil {
		return profileWrite{}, err
	}
	name, err := profileName(c)
	if err != nil {
		return profileWrite{}, err
	}
	base, err := profileBase(c, creating)
	if err != nil {
		return profileWrite{}, err
	}
	return profileWrite{st: st, who: who, name: name, base: base}, nil
}

func (s *Server) putProfile(c *gin.Context) error {
	w, err := s.profileWrite(c, true)
	if err != nil {
		return err
	}
	p, err := s.readProfile(c, w.name)
	if err != nil {
		return err
	}
	body, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("put profile: %w", err)
	}
	saved, err := w.st.PutProfile(c.Request.Context(), store.Profile{Office: w.who.office, Name: w.name, Body: body, UpdatedBy: w.who.who}, w.base)
	if err != nil {
		return profileStale(err)
	}
	info, err := profileOf(saved)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if w.base == 0 {
		status = http.StatusCreated
		c.Header("Location", "/v1/profiles/"+url.PathEscape(saved.Name))
	}
	c.Header("ETag", etag(saved.Version))
	writeJSON(c, status, info)
	return nil
}

func (s *Server) deleteProfile(c *gin.Context) error {
	w, err := s.profileWrite(c, false)
	if err != nil {
		return err
	}
	if err := w.st.DeleteProfile(c.Request.Context(), w.who.office, w.name, w.base); err != nil {
		return profileStale(err)
	}
	c.Status(http.StatusNoContent)
	return nil
}
